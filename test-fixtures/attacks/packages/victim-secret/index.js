// The victim: its exports are what no attacker is granted.
export const secret = { victim: 'secret' };
