export * from './sor';
export * from './register';
export * from './dar';
export * from './inspection';
export * from './quality';
export * from './accounts';
export * from './reporting';
