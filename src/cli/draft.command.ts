import fs from 'node:fs';
import { draftFromText } from '../draft/draft.service';
import { connect } from '../neo4j/connect';
import type { RegisterCommand } from './command';

export const registerDraftCommand: RegisterCommand = (program, config, logger) => {
  program
    .command('draft')
    .description('draft a fact file from a plain-text news article, for review before import (reads the graph, never writes)')
    .argument('<article>', 'text file; the first line may be " date YYYY-MM-DD <title>"')
    .option('-o, --out <file>', 'write the draft here instead of standard output')
    .option('--offline', 'do not connect to the graph: resolve names within the text only')
    .option('--publisher <name>', 'publisher of the article (organisation name or id)')
    .option('--date <YYYY-MM-DD>', 'publication date, when the first line does not carry it')
    .option('--title <title>', 'title, when the first line does not carry it')
    .option('--url <url>', 'address of the article')
    .action(async (file: string, options: { out?: string; offline?: boolean; publisher?: string; date?: string; title?: string; url?: string }) => {
      const raw = fs.readFileSync(file, 'utf8');
      const connection = options.offline ? null : await connect(config(), logger);
      try {
        const outcome = await draftFromText(connection?.db ?? null, { raw, ...options });
        if (options.out) fs.writeFileSync(options.out, outcome.yaml);
        else process.stdout.write(outcome.yaml);
        const counts = outcome.counts.map((c) => `${c.count} ${c.kind}`).join(', ');
        process.stderr.write(`drafted ${counts}; ${outcome.review.length} open question(s) under review:\n`);
        for (const r of outcome.review) process.stderr.write(`  ${r.kind} ${r.mention}: ${r.message}\n`);
        if (outcome.problems.length > 0) {
          process.stderr.write(`the draft does not validate against the schema (a drafter bug):\n  ${outcome.problems.join('\n  ')}\n`);
          process.exitCode = 1;
        }
      } finally {
        await connection?.close();
      }
    });
};
