/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built (Taro replaces it at build time). */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** CloudBase environment id for Taro.cloud.init in weapp; from `.env*` files. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
