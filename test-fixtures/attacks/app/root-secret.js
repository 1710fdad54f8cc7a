// A module of the trusted app that no package is granted: its export is a sink.
export const rootSecret = { root: 'secret' };
