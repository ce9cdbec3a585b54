// Table tests for multi-part stacks: the cheap ending test before the stack pattern, the pattern's match and the part.
import { describe, expect, test } from 'bun:test';
import { hasStackEnding, matchStack, partNumber, stackNameOf } from './movie-stack';

// [name, has a stack ending, stack name (undefined for none), part]
const stacks: [name: string, ending: boolean, name: string | undefined, part: number | undefined][] = [
  ['Heat (1995) - cd1', true, 'Heat (1995)', 1],
  ['Heat (1995) - CD2', true, 'Heat (1995)', 2],
  ['Heat.1995.part3', true, 'Heat.1995', 3],
  ['Heat (1995) (Part 2)', true, 'Heat (1995)', 2],
  ['Heat [dvd 1]', true, 'Heat', 1],
  ['Heat-disc_b', true, 'Heat', 2],
  ['Heat - Disk D', true, 'Heat', 4],
  ['Heat pt.12', true, 'Heat', 12],
  ['Heat part123', true, 'Heat', 123],
  ['Heat)cd1', true, 'Heat)', 1],
  ['cd1', true, undefined, 1],
  // A stack word before the part, but not as a word of its own: the pattern says no.
  ['Heatcd1', true, undefined, undefined],
  ['Heat - dvdcd1', true, undefined, undefined],
  // No stack ending at all.
  ['Heat part1234', false, undefined, undefined],
  ['Heat (1995)', false, undefined, undefined],
  ['Movie Title 12 Part 5 (1962)', false, undefined, undefined],
  ['Heat part e', false, undefined, undefined],
  ['Heat - 1', false, undefined, undefined],
  ['Heat cd', false, undefined, undefined],
  ['Heat sc1', false, undefined, undefined],
  ['1', false, undefined, undefined],
  ['', false, undefined, undefined],
  [')', false, undefined, undefined],
];

describe('stacks', () => {
  test.each(stacks)('%p → ending %p, name %p, part %p', (name, ending, stackName, part) => {
    expect(hasStackEnding(name)).toBe(ending);
    expect(stackNameOf(name)).toBe(stackName);
    const match = matchStack(name);
    expect(match ? partNumber(match[2]) : undefined).toBe(part);
  });
});

describe('partNumber', () => {
  test.each([
    ['1', 1],
    ['07', 7],
    ['123', 123],
    ['a', 1],
    ['D', 4],
  ])('%p → %p', (token, part) => expect(partNumber(token)).toBe(part));
});
