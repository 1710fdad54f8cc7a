export const format = (packageName, text) => `  [${packageName}] ${text}`;
