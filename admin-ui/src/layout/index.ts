export { AppBar } from './AppBar';
export { Layout, LocaleEffects } from './Layout';
