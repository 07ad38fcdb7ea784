// Who is signed in (GET /api/me), signing in and out. Every page reads the person's role and time zone here.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler } from './api';

export type Me = {
  id: string;
  orgId: string;
  role: 'admin' | 'teacher' | 'student';
  name: string;
  timeZone: string;
};

type AuthState = {
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Signed in by another road (a one-time set-password link): the person the API answered with. */
  adopt(me: Me): void;
};

const AuthContext = createContext<AuthState>(null as unknown as AuthState);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    api.get<Me>('/api/me').then(setMe, () => setMe(null));
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    setMe(await api.post<Me>('/api/auth/login', { email, password }));
  }, []);
  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  return (
    <AuthContext.Provider value={{ me, signIn, signOut, adopt: setMe }}>{children}</AuthContext.Provider>
  );
}

export const useAuth = () => useContext(AuthContext);

/** The signed-in person; only used below the sign-in gate, where there always is one. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}
