import type { Rule } from 'eslint';

/** One layer of eslint.layers.js: the path prefixes it holds and what else it may import. */
export interface Layer {
  name: string;
  paths: string[];
  why?: string;
  packages?: string[];
  only?: string[];
  alsoPaths?: string[];
}

export const LAYERS: Layer[];
export const layersRule: Rule.RuleModule;
