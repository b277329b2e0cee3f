//! The command line's usage text, printed by `--help` and after a bad command.

pub const USAGE: &str = "usage: quoteline extract [OPTIONS] FILE_OR_DIR...   (or --jsonl: articles on stdin)\n\
       quoteline groups  [OPTIONS] FILE_OR_DIR...\n\
       quoteline pack --out FILE.qlc [OPTIONS] FILE_OR_DIR...\n\
       quoteline pack --sharded --out DIR [OPTIONS] FILE_OR_DIR...   (or --prepared RECORDS.jsonl...)\n\
       quoteline archive DIR [--search WORDS] [--outlet X] [--kind K] [--topic T] [--speaker S] [--affiliation A] [--open N]\n\
                 [--order oldest|newest] [--page N] [--budget-mb N] [--bucket-days N]\n\
       quoteline prepare --jsonl   (articles on stdin, one record per article on stdout)\n\
       quoteline reduce keys | plan --plan PLAN KEYS... | emit --plan PLAN\n\
                 | write --plan PLAN --out DIR --answer FILE | root --plan PLAN --out DIR ANSWER...\n\
       quoteline text FILE\n\
       quoteline eval GOLD_DIR [--show N]\n\
       quoteline synth --out DIR [--seed N] [--events N] [--outlets N] [--paragraphs N] [--mb N]\n\
       quoteline bench [--mb N] [--seed N] [--runs N]\n\
       quoteline bench --statements 1000,5000,20000,50000 [--seed N] [--runs N]\n\
       quoteline bench --growth [--seed N] [--max-seconds N] [--scale F] [--only abcdef]\n\
\n\
  Prints one JSON object per statement (JSON Lines): file, id, speaker, speaker_kind, role, affiliation,\n\
  kind (direct|partial|indirect), text (exactly source[start..end]), start, end (byte offsets),\n\
  offsets (source: they index the file's bytes; normalised: the file was changed on reading, by a\n\
  byte-order mark, UTF-16, invalid UTF-8, CRLF line ends, HTML or Markdown, and they index the text\n\
  that `quoteline text FILE` prints),\n\
  cue, cue_start, cue_end, rule, mention, confidence, low_confidence, outlet,\n\
  date (YYYY-MM-DD, YYYY-MM, YYYY or null), date_precision (day|month|year|unknown), date_expression,\n\
  topics (names, or [\"other\"]), topic_words, group (index into `groups`, or null).\n\
  `groups` prints one JSON object per group of renderings of one utterance across outlets.\n\
  `pack` writes a precomputed corpus file (articles, statements, speakers, dates, topics, groups)\n\
  that the app opens without extracting (Your articles → Open a corpus file, or ?corpus=URL).\n\
  `pack --sharded --out DIR` writes the same corpus as a directory of static files for archives too big\n\
  for one file: root.json (facts, facet counts, the date histogram, speakers, groups, the shard table\n\
  with sizes and checksums), statements-N.bin (by date, then id), articles-N.bin and index-N.bin (the\n\
  search index by term). `prepare --jsonl` is its map (each article extracted and assembled alone, as\n\
  a JSON record, or {\"bad\": NAME, \"why\": ...}); `pack --sharded --prepared FILE...` its reduce.\n\
  `reduce` is that reduce partitioned across machines (spark/pack.py): keys per record, a plan over\n\
  them (speaker merge, groups, order, shard cuts), every item numbered, whole shards written by each\n\
  part, then the root merged from the parts' answers; the same bytes as `pack --sharded`.\n\
  A directory means every .txt, .md and .html file in it (sorted), with its corpus.toml manifest\n\
  if there is one. Files are read as the browser reads them: binary files refused, invalid UTF-8\n\
  replaced (with a count), HTML reduced to its article text, Markdown to its words. Files over\n\
  --max-file-mb (default 64) are refused before they are read.\n\
  OPTIONS of extract, groups and pack: --manifest FILE, --topics FILE, --max-file-mb N;\n\
  --jsonl reads articles as JSON Lines on stdin (after any files named): one object a line with\n\
  \"name\" and \"text\" and any of the article facts (outlet, headline, byline, url, date, ...) as\n\
  strings; a line that is not one is named (stdin:LINE) and skipped;\n\
  --quiet hides the progress bar (articles done, MB/s, time left; drawn on stderr only when it is a\n\
  terminal); --diagnostics FILE writes every extraction diagnostic as JSON Lines (article, severity,\n\
  message, start, end), where stderr shows the first few and the count of each kind.\n\
  Diagnostics, and manifest or topic-file problems (file:line; a line that is not UTF-8 is skipped),\n\
  go to stderr. A file that cannot be used, or an article whose extraction fails, is named on\n\
  stderr with the reason; the others are still printed, and the exit status is 1.\n\
  `archive DIR` reads a sharded archive as the explorer does, fetching only what each view needs: the\n\
  first view (counts and timeline from root.json, the first page of statements by date), then the\n\
  search, the facet selection (one value each; with --search, also both together) and statement N\n\
  opened with its article, each from a cold cache; it prints each one's time, bytes and files fetched.\n\
  `eval` scores extraction against attribution annotations in brat standoff format (GOLD_DIR/text/NAME.txt\n\
  with GOLD_DIR/attributions/NAME_*.ann, or NAME.txt beside NAME.ann; publishers from metadata.tsv):\n\
  a statement matches an attribution when its span and the annotated content overlap by at least half\n\
  of the shorter; it prints recall by class (quote-bearing, verbs of saying, other speech acts, beliefs, other\n\
  attributions: perception, knowledge, stance; classes from the cue's words, lexicon/data/eval.txt),\n\
  precision, duplicates and source accuracy, overall and per publisher; --show N lists examples (a\n\
  wrong source says whether the annotated attribution is inner, outer or apart from the statement's).\n\
  `bench --growth` times extraction as each dimension of the input grows (paragraph length,\n\
  quotes per paragraph and per sentence, a sentence without punctuation, statements per article,\n\
  statements across outlets); a series stops once a point takes over --max-seconds (60); --scale 0.01\n\
  shrinks every size for a quick look; --only bd runs only those series.\n\
\n\
  For tests only: QUOTELINE_TEST_PANIC_ON=FILE[,...] makes the extraction of that article panic\n\
  (assemble:FILE, compare and pack force a panic in those corpus-wide stages), to show containment.";
