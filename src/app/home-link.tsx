import { Link, type LinkProps } from 'react-router';

/** A router link to the console's home, for PatternFly `component` props. */
export const HomeLink = (props: Omit<LinkProps, 'to'>) => <Link {...props} to="/" />;
