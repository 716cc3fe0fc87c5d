import { Switch } from '@patternfly/react-core';
import { useTheme } from '../theme';

/** The masthead's light/dark switch. */
export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  return (
    <Switch
      id="theme-switch"
      label="Dark theme"
      aria-label="Dark theme"
      isChecked={theme === 'dark'}
      onChange={(_e, checked) => setTheme(checked ? 'dark' : 'light')}
      className="kv-theme-switch"
    />
  );
}
