export * from './envelope';
export * from './grid';
export * from './api';
