export * from './envelope';
export * from './grid';
export * from './api';
export * from './appeal';
export * from './notice';
export * from './routes';
export * from './groupChat';
export * from './staff';
