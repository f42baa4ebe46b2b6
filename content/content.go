// Package content embeds learnkv's lesson pack: en/ and ja/ hold one
// Markdown file per lesson, in the format README.md describes. The lessons
// package reads it; `learnkv --content DIR` and `learnkv lessons check DIR`
// read a pack from a directory instead.
package content

import "embed"

// FS holds en/*.md, ja/*.md and README.md.
//
//go:embed en ja README.md
var FS embed.FS
