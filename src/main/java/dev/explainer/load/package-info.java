/**
 * The load stage: reads the site config, every content file and every template into memory,
 * parsing front matter and data files into raw entries. It checks only what it needs to read;
 * the meaning of the data is checked by the validate stage. {@link dev.explainer.load.SourceTree}
 * decides what may be read at all: regular files inside the source folder, of a bounded size,
 * with names a source file may have ({@link dev.explainer.load.SourceNames}).
 * {@link dev.explainer.load.SourceLayout} says where the sources live, and
 * {@link dev.explainer.load.ReservedFields} which names the engine gives every entry.
 */
package dev.explainer.load;
