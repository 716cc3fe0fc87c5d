export { ReasonButton, reasonId, type ReasonButtonProps } from './reason-button';
export { describedItemProps, type DescribedItemProps } from './reason-menu-item';
export { useMenuPlacement } from './use-menu-placement';
export { accessDeniedReason } from './access-reason';
