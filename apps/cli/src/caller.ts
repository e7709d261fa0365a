import { appRouter, createCallerFactory, createSystemContext } from '@wenming/api';
import type { Database } from '@wenming/db';

/** The API as the operator: every input is validated and every change audited like a web request's. */
export function systemCaller(database: Database) {
  return createCallerFactory(appRouter)(createSystemContext({ db: database.db, engine: database.engine }));
}
