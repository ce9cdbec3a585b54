// Table tests for locating root blocks, escaping stray markup and closing truncated XML.

import { describe, expect, test } from 'bun:test';
import { closeTruncatedXml, escapeStrayMarkup, firstElementName, locateRoots } from './xml-repair.ts';

describe('escapeStrayMarkup', () => {
  test.each([
    ['<t>Fast & Furious</t>', '<t>Fast &amp; Furious</t>'],
    ['<t>&amp; &#233; &eacute;</t>', '<t>&amp; &#233; &eacute;</t>'],
    ['<t>a < b</t>', '<t>a &lt; b</t>'],
    ['<t>I <3 NY</t>', '<t>I &lt;3 NY</t>'],
    ['<t><![CDATA[a & b < c]]></t>', '<t><![CDATA[a & b < c]]></t>'],
    ['<t>x&y</t><!-- a & b -->', '<t>x&amp;y</t><!-- a & b -->'],
    ['<t>plain &amp; <b/></t>', '<t>plain &amp; <b/></t>'],
    ['<t>x</t><!-- a & b < c -->', '<t>x</t><!-- a & b < c -->'],
    ['<t>&amp</t><![CDATA[x]]>', '<t>&amp;amp</t><![CDATA[x]]>'],
    ['<t>x <</t><!---->', '<t>x &lt;</t><!---->'],
  ])('%p → %p', (xml, expected) => {
    expect(escapeStrayMarkup(xml)).toBe(expected);
  });
});

describe('closeTruncatedXml', () => {
  test.each([
    ['<movie><title>T</title><plot>Half a sen', '<movie><title>T</title></movie>'],
    ['<movie><actor><name>A</name><role>Ne', '<movie><actor><name>A</name></actor></movie>'],
    ['<movie><title>T</title><thumb/><tag', '<movie><title>T</title><thumb/></movie>'],
    ['<movie><title>Trunc', '<movie></movie>'],
  ])('%p → %p', (xml, expected) => {
    expect(closeTruncatedXml(xml)).toBe(expected);
  });
});

describe('locateRoots', () => {
  test.each([
    ['junk <movie><a>1</a></movie> tail', ['<movie><a>1</a></movie>'], [false], 'junk \n tail'],
    ['<Movie><a/></MOVIE>', ['<Movie><a/></MOVIE>'], [false], '\n'],
    ['<movie><a>1</a>', ['<movie><a>1</a>'], [true], '\n'],
    ['<movies><a/></movies>', [], [], '<movies><a/></movies>'],
    ['<movie/>https://x', ['<movie/>'], [false], '\nhttps://x'],
  ])('%p', (text, xml, truncated, outside) => {
    const located = locateRoots(text, 'movie');
    expect(located.blocks.map((block) => block.xml)).toEqual(xml);
    expect(located.blocks.map((block) => block.truncated)).toEqual(truncated);
    expect(located.outside).toBe(outside);
  });

  test('reads roots of different names one after another alike', () => {
    const movie = '<movie><a>1</a></movie>';
    const show = '<tvshow><b/></tvshow>';
    const first = [locateRoots(movie, 'movie'), locateRoots(show, 'tvshow')];
    expect([locateRoots(movie, 'movie'), locateRoots(show, 'tvshow')]).toEqual(first);
    expect(first.map((located) => located.blocks.map((block) => block.xml))).toEqual([[movie], [show]]);
  });

  test('finds every block of a multi-episode file', () => {
    const text = '<episodedetails><e>1</e></episodedetails>\n<episodedetails><e>2</e></episodedetails>';
    expect(locateRoots(text, 'episodedetails').blocks).toHaveLength(2);
  });
});

describe('firstElementName', () => {
  test.each([
    ['<?xml version="1.0"?><!-- <movie> --><TvShow>', 'tvshow'],
    ['plain text', undefined],
  ])('%p → %p', (text, expected) => {
    expect(firstElementName(text)).toBe(expected);
  });
});
