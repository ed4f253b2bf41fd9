using Print.Documents;
using Print.Server.Cli;
using Print.Store;

// Re-segmenting walks the whole store and makes garbage faster than .NET's default young generation suits (a
// million customers all rewritten: 33 s with the default, 28 s with 256 MB): it restarts in place with the larger one.
if (args is ["segment", ..]) YoungGeneration.RestartWithAtLeast(YoungGeneration.ForWholeStoreWalks);

// One executable: with a verb it is the command-line tool, without one it serves.
if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
    return Commands.Run(args, Console.Out, Console.Error);

try
{
    Print.Server.ServerHost.Build(args).Run();
    return 0;
}
catch (Print.Server.ServerConfigurationException e)
{
    foreach (var problem in e.Problems) Console.Error.WriteLine($"error: {problem}");
    return 1;
}

namespace Print.Server.Cli
{
    public static class Commands
    {
        private const string Help = """
            usage: print <verb> [options]       (no verb: run the server)

            verbs:
              render --markup FILE.xml --out FILE.pdf [--png DIR] [--dpi N]
                  lay out a markup file into a print PDF, with optional PNG previews
              render --template NAME --data FILE.json|FILE.csv --out DIR|FILE.pdf [--batch] [--png DIR]
                  merge a template with each record: one PDF per record into DIR, or one batch PDF
              import customers FILE.csv [--db PATH] [--mapping FILE.json] [--rules FILE.json]
                  import the insurer's customer file (UTF-8 or GBK); bad rows go to FILE.rejects.csv
              customers show ID [--db PATH]
                  one customer with policies, address history and segment (personal data masked)
              segment [--db PATH] [--rules FILE.json]
                  segment every customer again; prints SEGMENT<TAB>COUNT lines, then sample reasons
              plan --date YYYY-MM-DD [--days N] [--db PATH] [--campaign FILE.json] [--dry-run]
                  who is due for which piece on those days, by which channel: DATE<TAB>TRIGGER<TAB>SEGMENT<TAB>CHANNEL<TAB>COUNT;
                  records the communications unless --dry-run
              batch create [--date YYYY-MM-DD] [--db PATH] [--ranges FILE.json] [--production FILE.json] [--by NAME]
                  the day's work order: due mail into batches (presorted, seeded, numbered); prints the batch ids
              batch status ID | batch approve ID --by NAME | batch printed ID [--by NAME] | batch posted ID [--by NAME]
                  a batch's state, history, pieces and KPIs; proof sign-off; printed; handed to the post office
              batch spoil PIECE-ID --reason TEXT [--by NAME] [--no-reprint]
                  a piece damaged in the print shop, re-printed as its next copy (same tracking number)
              batch feedback FILE.csv [--db PATH] [--reasons FILE.json]
                  the post office's delivery feedback: pieces delivered, re-routed, returned; addresses maintained
              batch render ID --out DIR [--db PATH] [--again REASON]
                  render a batch into DIR/ID/: print-NNN.pdf, manifest.csv, posting-list.pdf, SHA256SUMS; resumes a stopped rendering
              template list
              template check NAME|--all
                  check templates against their sample and adversarial data

            common options: --templates DIR (default: the repository's templates/)
                            --db PATH (default: data/print.db under the working directory)
            """;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            try
            {
                var rest = new Arguments(args.Skip(1), "help", "batch", "all", "dry-run", "no-reprint");
                return args[0] switch
                {
                    "render" when args.Contains("--template") => TemplateCommands.Render(rest, output, error),
                    "render" => RenderCommand.Run(rest, output),
                    "template" => TemplateCommands.Template(rest, output, error),
                    "import" => CustomerCommands.Import(rest, output, error),
                    "customers" => CustomerCommands.Customers(rest, output, error),
                    "segment" => CustomerCommands.Segment(rest, output, error),
                    "plan" => PlanCommand.Run(rest, output, error),
                    "batch" => BatchCommands.Run(rest, output, error),
                    "help" or "-h" => Print(output, Help, 0),
                    _ => throw new UsageException($"unknown verb '{args[0]}'"),
                };
            }
            catch (UsageException e)
            {
                error.WriteLine($"print: {e.Message}");
                error.WriteLine(Help);
                return 2;
            }
            catch (DocumentException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Print.Templates.TemplateException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Print.Templates.TemplateCheckException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Print.Core.Text.InvalidFileException e) // a mapping or rules file: every mistake, each naming the file
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (StoreUnavailableException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (FileNotFoundException e)
            {
                error.WriteLine($"error: {e.FileName ?? e.Message}: no such file");
                return 1;
            }
        }

        private static int Print(TextWriter w, string text, int code)
        {
            w.WriteLine(text);
            return code;
        }
    }
}
