import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { reportGroupEntry } from './services/groupEntry';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  // Every show, cold or hot: the app may have been entered from a grid's card inside a group.
  useDidShow(() => {
    void reportGroupEntry();
  });
  // children are the pages
  return children;
}

export default App;
