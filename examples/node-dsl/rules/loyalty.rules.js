// Each rules file gets a fresh global: pricing.rules.js's `helperLeak` is not here.
rule('loyalty points', (order) => Math.floor(order.total / 10));
rule('sees the other file', () => typeof helperLeak);
