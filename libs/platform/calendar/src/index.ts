// Calendar dates as the contract's `Date` scalar ("YYYY-MM-DD"), with the arithmetic the rules need.
export * from './local-date';
export * from './clock';
