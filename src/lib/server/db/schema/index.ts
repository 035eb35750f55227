export * from './sor';
export * from './register';
