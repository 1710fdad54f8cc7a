/**
 * A purpose-built scope analysis over the Babel AST: one walk records every
 * declaration in its scope and every identifier reference with the role it
 * plays (read, call, typeof, write, destructuring target, …); references are
 * resolved afterwards, when every declaration (hoisted or not) is known.
 * @babel/traverse's scope crawling does the same work several times over and
 * is the slowest part of a Babel-based compiler.
 */
import type * as t from '@babel/types';
import { VISITOR_KEYS } from './babel-modules.js';

/** How a name was declared. `name` is the inner binding of a named function expression or class. */
export type DeclarationKind =
  | 'var' | 'let' | 'const' | 'class' | 'function' | 'param' | 'catch'
  | 'import' | 'namespace' | 'name' | 'arguments';

/** One bound name. */
export interface Declaration {
  readonly name: string;
  readonly kind: DeclarationKind;
  readonly scope: Scope;
}

/** A lexical environment; `isVarScope` marks function bodies, static blocks and the root. */
export class Scope {
  readonly names = new Map<string, Declaration>();
  constructor(readonly parent: Scope | null, readonly isVarScope: boolean) {}

  declare(name: string, kind: DeclarationKind): void {
    const existing = this.names.get(name);
    // `var x; var x` and Annex B duplicates keep the first, stronger declaration.
    if (existing !== undefined && (kind === 'var' || existing.kind !== 'var')) return;
    this.names.set(name, { name, kind, scope: this });
  }

  lookup(name: string): Declaration | undefined {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const found = scope.names.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/**
 * The role of a reference decides its rewrite: `callee` keeps `this ===
 * undefined`, `typeof` must not throw, `delete` (sloppy scripts only) acts on
 * the global object, writes notify or throw, `pattern`
 * targets sit in destructuring or a for-in/of head (`owner`).
 */
export type ReferenceRole = 'read' | 'callee' | 'typeof' | 'delete' | 'assign' | 'compound' | 'update' | 'pattern' | 'export';

/** One identifier reference. */
export interface Reference {
  readonly node: t.Identifier;
  readonly scope: Scope;
  readonly role: ReferenceRole;
  /** typeof: the UnaryExpression; writes: the AssignmentExpression, UpdateExpression or ForIn/ForOf statement. */
  readonly owner: t.Node | undefined;
  /** A shorthand property `{ x }`: a rewrite must spell out `x: …`. */
  readonly shorthand: boolean;
  /** A destructuring target's default value (`[x = f] = …`), which takes the target's name if anonymous. */
  readonly defaultValue?: t.Node;
  /** Not inside any function (arrows included): code that runs as part of the module/script body. */
  readonly topLevel: boolean;
  /** Inside strict code. */
  readonly strict: boolean;
}

/** A declaration statement whose names land in the root scope, with the node that holds it. */
export interface RootDeclaration {
  readonly node: t.VariableDeclaration | t.ClassDeclaration | t.FunctionDeclaration;
  readonly parent: t.Node;
  /** A block-level function of sloppy code (Annex B): also a var of the root. */
  readonly annexB: boolean;
}

/** What one walk over a program finds. */
export interface Analysis {
  readonly root: Scope;
  readonly references: Reference[];
  readonly rootDeclarations: RootDeclaration[];
  readonly importExpressions: t.ImportExpression[];
  readonly importMetas: t.MetaProperty[];
  readonly hasTopLevelAwait: boolean;
  /** `this` inside sloppy non-arrow functions (and their arrows): bound to the realm's global when undefined. */
  readonly sloppyThis: t.ThisExpression[];
  /** `with` statements (sloppy scripts only; module and strict code cannot contain them). */
  readonly withStatements: t.WithStatement[];
  /**
   * With `goalStrict`: `this` inside non-arrow functions that are strict only
   * because the program is a module (no directive, no class), which a bundler
   * that drops module strictness runs sloppy.
   */
  readonly goalStrictThis: t.ThisExpression[];
}

type Pattern = t.Node;

class Walker {
  readonly references: Reference[] = [];
  readonly rootDeclarations: RootDeclaration[] = [];
  readonly importExpressions: t.ImportExpression[] = [];
  readonly importMetas: t.MetaProperty[] = [];
  hasTopLevelAwait = false;
  readonly sloppyThis: t.ThisExpression[] = [];
  readonly withStatements: t.WithStatement[] = [];
  readonly goalStrictThis: t.ThisExpression[] = [];
  /** Inside a sloppy non-arrow function (arrows inherit). */
  inSloppyFunction = false;
  /** Code strict only by the module goal (see {@link Analysis.goalStrictThis}). */
  goalStrict: boolean;
  /** Inside a non-arrow function strict only by the module goal (arrows inherit). */
  inGoalStrictFunction = false;
  scope: Scope;
  /** Inside any function, arrows included. */
  inFunction = false;
  strict: boolean;

  constructor(readonly root: Scope, strict: boolean, goalStrict: boolean) {
    this.scope = root;
    this.strict = strict;
    this.goalStrict = goalStrict;
  }

  ref(node: t.Identifier, role: ReferenceRole, owner?: t.Node, shorthand = false, defaultValue?: t.Node): void {
    this.references.push({ node, scope: this.scope, role, owner, shorthand, topLevel: !this.inFunction, strict: this.strict, defaultValue });
  }

  varScope(): Scope {
    let scope = this.scope;
    while (!scope.isVarScope) scope = scope.parent as Scope;
    return scope;
  }

  statements(list: t.Statement[], parent: t.Node): void {
    for (const statement of list) this.visit(statement, parent);
  }

  visit(node: t.Node | null | undefined, parent: t.Node): void {
    if (node == null) return;
    switch (node.type) {
      case 'Identifier':
        this.ref(node, 'read');
        return;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        this.visit(node.object, node);
        if (node.computed) this.visit(node.property, node);
        return;
      case 'CallExpression':
      case 'OptionalCallExpression':
        if (node.callee.type === 'Identifier') this.ref(node.callee, 'callee', node);
        else this.visit(node.callee, node);
        for (const argument of node.arguments) this.visit(argument, node);
        return;
      case 'TaggedTemplateExpression':
        if (node.tag.type === 'Identifier') this.ref(node.tag, 'callee', node);
        else this.visit(node.tag, node);
        this.visit(node.quasi, node);
        return;
      case 'UnaryExpression':
        if (node.operator === 'typeof' && node.argument.type === 'Identifier') this.ref(node.argument, 'typeof', node);
        else if (node.operator === 'delete' && node.argument.type === 'Identifier') this.ref(node.argument, 'delete', node);
        else this.visit(node.argument, node);
        return;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.ref(node.argument, 'update', node);
        else this.visit(node.argument, node);
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') this.ref(node.left, node.operator === '=' ? 'assign' : 'compound', node);
        else this.target(node.left, node);
        this.visit(node.right, node);
        return;
      case 'ObjectExpression':
        for (const property of node.properties) {
          if (property.type === 'ObjectProperty') {
            if (property.computed) this.visit(property.key, property);
            if (property.shorthand && property.value.type === 'Identifier') this.ref(property.value, 'read', property, true);
            else this.visit(property.value, property);
          } else if (property.type === 'ObjectMethod') {
            if (property.computed) this.visit(property.key, property);
            this.func(property);
          } else {
            this.visit(property, node);
          }
        }
        return;
      case 'FunctionDeclaration':
        this.declareFunction(node, parent);
        this.func(node);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.func(node);
        return;
      case 'ClassDeclaration':
        if (node.id) {
          this.scope.declare(node.id.name, 'class');
          if (this.scope === this.root) this.rootDeclarations.push({ node, parent, annexB: false });
        }
        this.klass(node);
        return;
      case 'ClassExpression':
        this.klass(node);
        return;
      case 'BlockStatement': {
        const saved = this.scope;
        this.scope = new Scope(saved, false);
        this.statements(node.body, node);
        this.scope = saved;
        return;
      }
      case 'StaticBlock':
        return; // visited by klass()
      case 'VariableDeclaration':
        this.declaration(node, parent);
        return;
      case 'ForStatement': {
        const saved = this.scope;
        this.scope = new Scope(saved, false);
        this.visit(node.init, node);
        this.visit(node.test, node);
        this.visit(node.update, node);
        this.visit(node.body, node);
        this.scope = saved;
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        if (node.type === 'ForOfStatement' && node.await && !this.inFunction) this.hasTopLevelAwait = true;
        const saved = this.scope;
        this.scope = new Scope(saved, false);
        if (node.left.type === 'VariableDeclaration') this.declaration(node.left, node);
        else if (node.left.type === 'Identifier') this.ref(node.left, 'pattern', node);
        else this.target(node.left, node);
        this.visit(node.right, node);
        this.visit(node.body, node);
        this.scope = saved;
        return;
      }
      case 'SwitchStatement': {
        this.visit(node.discriminant, node);
        const saved = this.scope;
        this.scope = new Scope(saved, false);
        for (const switchCase of node.cases) {
          this.visit(switchCase.test, switchCase);
          this.statements(switchCase.consequent, switchCase);
        }
        this.scope = saved;
        return;
      }
      case 'CatchClause': {
        const saved = this.scope;
        this.scope = new Scope(saved, false);
        if (node.param) this.pattern(node.param, 'catch', this.scope);
        this.visit(node.body, node);
        this.scope = saved;
        return;
      }
      case 'LabeledStatement':
        this.visit(node.body, node);
        return;
      case 'ThisExpression':
        if (this.inSloppyFunction) this.sloppyThis.push(node);
        if (this.inGoalStrictFunction) this.goalStrictThis.push(node);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'PrivateName':
      case 'Super':
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'RegExpLiteral':
      case 'BigIntLiteral':
      case 'TemplateElement':
      case 'EmptyStatement':
      case 'DebuggerStatement':
      case 'ExportAllDeclaration':
        return;
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) {
          this.root.declare(specifier.local.name, specifier.type === 'ImportNamespaceSpecifier' ? 'namespace' : 'import');
        }
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) this.visit(node.declaration, node);
        else if (!node.source) {
          for (const specifier of node.specifiers) {
            if (specifier.type === 'ExportSpecifier' && specifier.local.type === 'Identifier') this.ref(specifier.local, 'export', node);
          }
        }
        return;
      case 'ExportDefaultDeclaration': {
        const declaration = node.declaration;
        if (declaration.type === 'FunctionDeclaration') {
          if (declaration.id) this.declareFunction(declaration, node);
          this.func(declaration);
        } else if (declaration.type === 'ClassDeclaration') {
          if (declaration.id) {
            this.scope.declare(declaration.id.name, 'class');
            this.rootDeclarations.push({ node: declaration, parent: node, annexB: false });
          }
          this.klass(declaration);
        } else {
          this.visit(declaration, node);
        }
        return;
      }
      case 'MetaProperty':
        if (node.meta.name === 'import') this.importMetas.push(node);
        return;
      case 'ImportExpression':
        this.importExpressions.push(node);
        this.visit(node.source, node);
        this.visit(node.options, node);
        return;
      case 'WithStatement':
        this.withStatements.push(node);
        this.children(node);
        return;
      case 'AwaitExpression':
        if (!this.inFunction) this.hasTopLevelAwait = true;
        this.visit(node.argument, node);
        return;
      default:
        this.children(node);
    }
  }

  children(node: t.Node): void {
    const keys = VISITOR_KEYS[node.type];
    if (keys === undefined) return;
    const record = node as unknown as Record<string, t.Node | t.Node[] | null | undefined>;
    for (const key of keys) {
      const child = record[key];
      if (Array.isArray(child)) {
        for (const item of child) this.visit(item, node);
      } else {
        this.visit(child, node);
      }
    }
  }

  declareFunction(node: t.FunctionDeclaration, parent: t.Node): void {
    if (!node.id) return;
    const name = node.id.name;
    if (this.scope.isVarScope) {
      this.scope.declare(name, 'function');
      if (this.scope === this.root) this.rootDeclarations.push({ node, parent, annexB: false });
    } else {
      this.scope.declare(name, 'function');
      if (!this.strict && !node.async && !node.generator) {
        // Annex B.3.3: in sloppy code a block-level function is also a var of the enclosing function.
        const target = this.varScope();
        target.declare(name, 'var');
        if (target === this.root) this.rootDeclarations.push({ node, parent, annexB: true });
      }
    }
  }

  declaration(node: t.VariableDeclaration, parent: t.Node): void {
    const target = node.kind === 'var' ? this.varScope() : this.scope;
    const kind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : 'let';
    for (const declarator of node.declarations) {
      this.pattern(declarator.id, kind, target);
      this.visit(declarator.init, declarator);
    }
    if (target === this.root) this.rootDeclarations.push({ node, parent, annexB: false });
  }

  /** Declares the names a binding pattern binds and visits its default values and computed keys. */
  pattern(node: Pattern, kind: DeclarationKind, target: Scope): void {
    switch (node.type) {
      case 'Identifier':
        target.declare(node.name, kind);
        return;
      case 'ObjectPattern':
        for (const property of node.properties) {
          if (property.type === 'RestElement') this.pattern(property.argument, kind, target);
          else {
            if (property.computed) this.visit(property.key, property);
            this.pattern(property.value as Pattern, kind, target);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) this.pattern(element, kind, target);
        return;
      case 'AssignmentPattern':
        this.pattern(node.left, kind, target);
        this.visit(node.right, node);
        return;
      case 'RestElement':
        this.pattern(node.argument, kind, target);
        return;
      default:
        this.visit(node, node);
    }
  }

  /** Visits an assignment target (destructuring assignment, for-in/of head) owned by `owner`. */
  target(node: Pattern, owner: t.Node): void {
    switch (node.type) {
      case 'Identifier':
        this.ref(node, 'pattern', owner);
        return;
      case 'ObjectPattern':
        for (const property of node.properties) {
          if (property.type === 'RestElement') this.target(property.argument, owner);
          else {
            if (property.computed) this.visit(property.key, property);
            const value = property.value;
            if (property.shorthand && value.type === 'Identifier') this.ref(value, 'pattern', owner, true);
            else if (property.shorthand && value.type === 'AssignmentPattern' && value.left.type === 'Identifier') {
              this.ref(value.left, 'pattern', owner, true, value.right);
              this.visit(value.right, value);
            } else this.target(value as Pattern, owner);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) this.target(element, owner);
        return;
      case 'AssignmentPattern':
        if (node.left.type === 'Identifier') this.ref(node.left, 'pattern', owner, false, node.right);
        else this.target(node.left, owner);
        this.visit(node.right, node);
        return;
      case 'RestElement':
        this.target(node.argument, owner);
        return;
      default:
        this.visit(node, owner);
    }
  }

  func(node: t.Function): void {
    const savedScope = this.scope;
    const savedInFunction = this.inFunction;
    const savedStrict = this.strict;
    const savedSloppy = this.inSloppyFunction;
    const savedGoalStrict = this.goalStrict;
    const savedInGoalStrict = this.inGoalStrictFunction;
    if (node.type === 'FunctionExpression' && node.id) {
      this.scope = new Scope(this.scope, false);
      this.scope.declare(node.id.name, 'name');
    }
    const params = new Scope(this.scope, false);
    if (node.type !== 'ArrowFunctionExpression') params.declare('arguments', 'arguments');
    this.scope = params;
    this.inFunction = true;
    const body = node.body;
    if (body.type === 'BlockStatement' && body.directives.some((d) => d.value.value === 'use strict')) {
      this.strict = true;
      this.goalStrict = false;
    }
    if (node.type !== 'ArrowFunctionExpression') {
      this.inSloppyFunction = !this.strict;
      this.inGoalStrictFunction = this.goalStrict;
    }
    for (const param of node.params) this.pattern(param as Pattern, 'param', params);
    if (body.type === 'BlockStatement') {
      this.scope = new Scope(params, true);
      this.statements(body.body, body);
    } else {
      this.visit(body, node);
    }
    this.scope = savedScope;
    this.inFunction = savedInFunction;
    this.strict = savedStrict;
    this.inSloppyFunction = savedSloppy;
    this.goalStrict = savedGoalStrict;
    this.inGoalStrictFunction = savedInGoalStrict;
  }

  klass(node: t.Class): void {
    const savedScope = this.scope;
    const savedStrict = this.strict;
    const savedSloppy = this.inSloppyFunction;
    const savedGoalStrict = this.goalStrict;
    const savedInGoalStrict = this.inGoalStrictFunction;
    // Class code is strict in every output.
    this.strict = true;
    this.inSloppyFunction = false;
    this.goalStrict = false;
    this.inGoalStrictFunction = false;
    this.scope = new Scope(savedScope, false);
    if (node.id) this.scope.declare(node.id.name, 'name');
    this.visit(node.superClass, node);
    const classScope = this.scope;
    for (const member of node.body.body) {
      switch (member.type) {
        case 'ClassMethod':
        case 'ClassPrivateMethod':
          if (member.computed) this.visit(member.key, member);
          this.func(member);
          break;
        case 'ClassProperty':
        case 'ClassPrivateProperty':
        case 'ClassAccessorProperty':
          if ('computed' in member && member.computed) this.visit(member.key, member);
          if (member.value) this.initializer(() => this.visit(member.value, member), classScope);
          break;
        case 'StaticBlock':
          this.initializer(() => this.statements(member.body, member), classScope);
          break;
        default:
          this.visit(member, node);
      }
    }
    this.scope = savedScope;
    this.strict = savedStrict;
    this.inSloppyFunction = savedSloppy;
    this.goalStrict = savedGoalStrict;
    this.inGoalStrictFunction = savedInGoalStrict;
  }

  /** Field initialisers and static blocks run as methods: their own var scope, not top-level code. */
  initializer(visit: () => void, classScope: Scope): void {
    const savedInFunction = this.inFunction;
    this.scope = new Scope(classScope, true);
    this.inFunction = true;
    visit();
    this.inFunction = savedInFunction;
    this.scope = classScope;
  }
}

/**
 * Walks a parsed program once and returns its scopes, references and
 * top-level declarations. `goalStrict`: the program is strict only as a
 * module (collects {@link Analysis.goalStrictThis}).
 */
export function analyze(program: t.Program, strict: boolean, rootParams: readonly string[] = [], goalStrict = false): Analysis {
  const root = new Scope(null, true);
  // A function-body root (a CommonJS module): its wrapper's parameters and `arguments` are locals.
  for (const name of rootParams) root.declare(name, name === 'arguments' ? 'arguments' : 'param');
  const walker = new Walker(root, strict, goalStrict);
  walker.statements(program.body, program);
  return {
    root,
    references: walker.references,
    rootDeclarations: walker.rootDeclarations,
    importExpressions: walker.importExpressions,
    importMetas: walker.importMetas,
    hasTopLevelAwait: walker.hasTopLevelAwait,
    sloppyThis: walker.sloppyThis,
    withStatements: walker.withStatements,
    goalStrictThis: walker.goalStrictThis,
  };
}
