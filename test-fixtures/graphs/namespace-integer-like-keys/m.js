const v = 'v';
export { v as "10", v as "9", v as "0", v as a };
