// PatternFly's pop-up parts (Popper, Menu, focus-trap) in one chunk, loaded on a page's first
// hover, focus or click of what opens them (see first-use.tsx): they stay out of the first page.
export { Dropdown, DropdownItem, DropdownList, Popover, Tooltip } from '@patternfly/react-core';
export { Popper } from '@patternfly/react-core/dist/esm/helpers/Popper/Popper.js';
export { PaginationOptionsPopup } from './pagination-options-popup';
