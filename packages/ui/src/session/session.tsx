import { subject } from '@casl/ability';
import { AbilityProvider, type CanProps, Can as CaslCan, useAbility } from '@casl/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AppAbility, abilityFromPacked } from '@wenming/authz';
import type { TMe } from '@wenming/domain';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { ME_QUERY_KEY } from './me-query';

const MeContext = createContext<TMe | null>(null);

/** Provides the signed-in user and the abilities their roles give (from the server's rules). */
export function SessionProvider({ me, children }: { me: TMe; children: ReactNode }) {
  const ability = useMemo(() => abilityFromPacked(me.rules), [me.rules]);
  return (
    <MeContext.Provider value={me}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </MeContext.Provider>
  );
}

/** The signed-in user; only usable below `<AuthGate>`. */
export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is used outside <AuthGate>');
  return me;
}

export function useAppAbility(): AppAbility {
  return useAbility<AppAbility>();
}

/** Hides what the server would refuse; the server still decides. */
export const Can = CaslCan as (props: CanProps<AppAbility>) => ReactNode;

/** A unit as CASL sees it, so `<Can I="update" this={unitSubject(unit)}>` checks its office. */
export function unitSubject(unit: { id: string; officeId: string }) {
  return subject('Unit', { id: unit.id, office_id: unit.officeId });
}

export function useLogin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => {
        // Nothing cached for the previous account may leak into this one. The session query
        // itself stays: the gate is subscribed to it, and its new value lets the user in.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
        queryClient.setQueryData(ME_QUERY_KEY, me);
      },
    }),
  );
}

/** Signs out; the next person to sign in on this browser starts from the first page. */
export function useLogout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
        queryClient.setQueryData(ME_QUERY_KEY, null);
        navigate('/');
        toast.success(t('shell.loggedOut'));
      },
    }),
  );
}
