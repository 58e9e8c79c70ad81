export * from './envelope';
export * from './grid';
export * from './api';
export * from './appeal';
