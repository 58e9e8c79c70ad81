import { forgetMe } from '../../src/services/me';
import { __resetTaro } from './taro';

// Every test starts with empty storage, no router params, fresh mocks.
afterEach(() => {
  __resetTaro();
  forgetMe(); // account.me is cached per app session: each test is a new session
});
