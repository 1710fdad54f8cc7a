const p = 'proto value', c = 'constructor value', t = 'toString value', h = 'hasOwnProperty value', v = 'valueOf value';
export { p as __proto__, c as constructor, t as toString, h as hasOwnProperty, v as valueOf };
