import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { Me } from '../types';

export interface MeState {
  me?: Me;
  error?: unknown;
  isPending: boolean;
}

/** The signed-in person from `GET /me` (called once per sign-in, then cached by the data provider). */
export function useMe(): MeState {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [state, setState] = useState<MeState>({ isPending: true });
  useEffect(() => {
    let active = true;
    dataProvider.getMe().then(
      (me) => active && setState({ me, isPending: false }),
      (error: unknown) => active && setState({ error, isPending: false }),
    );
    return () => {
      active = false;
    };
  }, [dataProvider]);
  return state;
}

/** The name to greet the person with. */
export function displayNameOf(me: Me | undefined): string | undefined {
  return me ? me.displayName || me.username : undefined;
}
