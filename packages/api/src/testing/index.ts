export { type Caller, type CallerOptions, callerAs, contextFor, MemoryCookieJar } from './caller';
export { failure } from './errors';
export {
  createFixture,
  FIXTURE_FRAMEWORK,
  FIXTURE_PASSWORD,
  FIXTURE_SURVEY_QUESTIONS,
  type Fixture,
  type FixtureUser,
} from './fixtures';
export { type FiledItem, fileItem } from './ledger-items';
