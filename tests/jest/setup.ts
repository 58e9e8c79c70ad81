import { __resetTaro } from './taro';

// Every test starts with empty storage, no router params, fresh mocks.
afterEach(() => {
  __resetTaro();
});
