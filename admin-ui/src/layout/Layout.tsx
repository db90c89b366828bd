import { type ReactNode, useEffect } from 'react';
import { Layout as RaLayout, useLocaleState, useTranslate } from 'react-admin';
import { useMe } from '../common';
import { setApiLocale } from '../dataProvider';
import { AppBar } from './AppBar';

/** Keeps the document's language and title, and the API's Accept-Language, in step with the UI locale. */
export const LocaleEffects = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    setApiLocale(locale);
    document.documentElement.lang = locale;
    document.title = translate('app.title');
  }, [locale, translate]);
  return null;
};

/** Calls `GET /me` as soon as the signed-in layout shows (it creates the person on first sight). */
const RegisterMe = () => {
  useMe();
  return null;
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar}>
    <LocaleEffects />
    <RegisterMe />
    {children}
  </RaLayout>
);
