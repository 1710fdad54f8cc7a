// @babel/code-frame ships no types; this is the part of its API the compiler uses.
declare module '@babel/code-frame' {
  export interface SourceLocation {
    start: { line: number; column?: number };
    end?: { line: number; column?: number };
  }
  export function codeFrameColumns(
    rawLines: string,
    location: SourceLocation,
    options?: { highlightCode?: boolean; linesAbove?: number; linesBelow?: number; message?: string },
  ): string;
}
