export const depThis = String(this);
