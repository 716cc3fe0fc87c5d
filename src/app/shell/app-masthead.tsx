import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  PageToggleButton,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { HomeLink } from '../home-link';
import { PaletteButton } from './palette-button';
import { NamespaceSelector } from './namespace-selector';
import { ThemeSwitch } from './theme-switch';

export const PRODUCT_NAME = 'KubeVirt Console';

export function AppMasthead({ onOpenPalette }: { onOpenPalette: () => void }) {
  return (
    <Masthead id="masthead">
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label="Main navigation toggle" />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component={HomeLink} aria-label={`${PRODUCT_NAME} home`} className="kv-home-link">
            <img src="/logo.svg" alt="" className="kv-logo" width={28} height={28} />
            <span className="kv-product-name">{PRODUCT_NAME}</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar id="masthead-toolbar" isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }} alignItems="center">
              <ToolbarItem alignSelf="center">
                <PaletteButton onClick={onOpenPalette} />
              </ToolbarItem>
              <ToolbarItem alignSelf="center">
                <NamespaceSelector />
              </ToolbarItem>
              <ToolbarItem alignSelf="center">
                <ThemeSwitch />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
}
