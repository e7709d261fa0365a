import { STANDINGS, STATUS_LEVELS, type Standing, type StatusLevel } from '@wenming/domain';
import { useSearchParams } from 'react-router';

export interface RegisterFilters {
  q?: string;
  officeId?: string;
  level?: StatusLevel;
  standing?: Standing;
  termEndingSoon?: boolean;
}

/** The register's filters live in the address, so a filtered list can be bookmarked and shared. */
export function useRegisterFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RegisterFilters = {
    q: params.get('q') || undefined,
    officeId: params.get('office') || undefined,
    level: STATUS_LEVELS.find((l) => l === params.get('level')),
    standing: STANDINGS.find((s) => s === params.get('standing')),
    termEndingSoon: params.get('ending') === '1' || undefined,
  };
  const update = (patch: Partial<RegisterFilters>) => {
    const next = { ...filters, ...patch };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.officeId) out.set('office', next.officeId);
    if (next.level) out.set('level', next.level);
    if (next.standing) out.set('standing', next.standing);
    if (next.termEndingSoon) out.set('ending', '1');
    setParams(out, { replace: true });
  };
  const filtered = Object.values(filters).some(Boolean);
  return { filters, update, clear: () => setParams({}, { replace: true }), filtered };
}
