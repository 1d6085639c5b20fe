"""Writes notebooks/evaluation.ipynb (kept as code so the notebook stays reviewable)."""
import nbformat as nbf
nb = nbf.v4.new_notebook()
cells = [
("md", """# Verdict quality on vendors the model has not seen

Every document is rendered to PDF and to DOCX and analysed end to end (ingest → segment → annotate → classify →
assess); its verdicts are compared with the labels, made by hand per `shared/spec/REQUIREMENTS.md`.

1. **Cross-validation by vendor over the eight training sets** (131 documents of 103 vendors): the development
   set (`clause_library/labels/`, 37 corpus documents) and fresh vendors 1 to 7 (`tests/fresh_vendors*/`). The
   vendors are dealt into ten folds; each fold's documents are analysed by a classifier trained on the other
   folds only (its sentences and its documents), so no vendor is ever tested by a model that saw it. The hand-written rules
   (`clause_library/requirements/*.yaml`) were written with the errors of these sets in view, so these
   figures are optimistic about the rules.
2. **Fresh vendors 8** (`tests/fresh_vendors_8/`): labelled blind, in no training data, never read while the
   rules were written, and analysed with the shipped model and library as frozen before it was first run.
   That is the honest figure for terms the product has not seen.
3. **How far two labellers agree**: ten documents of fresh vendors 6 were labelled a second time, blind to the
   first labels (`tests/fresh_vendors_6/second_labels/`). Their agreement is the ceiling a verdict can be
   measured against."""),
("code", """import os, json
from pathlib import Path
import pandas as pd
from analyser.evaluation import cross_validate_by_vendor, evaluate_unseen, summarise
from analyser.training import LabelledSet, labels_dir, load_rows

CORPUS = Path(os.environ.get("ANALYSER_CORPUS", "../../shared/corpus")).resolve()
TESTS = Path("../tests").resolve()
# The sets the shipped model trains on, as the training file records them (the Makefile's LABELLED_SETS).
trained = sorted({row["set"] for row in load_rows()} - {"development"})
SETS = [LabelledSet("development", CORPUS, labels_dir())] + [LabelledSet.folder(TESTS / name) for name in trained]
results = cross_validate_by_vendor(SETS, folds=10, formats=("pdf", "docx"))
frame = pd.DataFrame(results)
frame["correct"] = frame.truth == frame.predicted
print(f"all {len(SETS)} training sets, ten folds by vendor:")
print(json.dumps(summarise(results), indent=2))
summary = pd.DataFrame({s.name: summarise([r for r in results if r["set"] == s.name]) for s in SETS}).T
print(summary.drop(columns=["accuracy_by_language"]).round(3).to_string())"""),
("md", "## Fresh vendors 8: the blind test"),
("code", """unseen_folder = TESTS / "fresh_vendors_8"
unseen = evaluate_unseen(unseen_folder / "documents", unseen_folder / "labels")
table = pd.DataFrame(unseen)
print("vendors:", sorted(table.vendor.unique()))
print(json.dumps(summarise(unseen), indent=2))
print(pd.crosstab(table.truth, table.predicted).to_string())
for row in table[(table.truth != table.predicted) & (table.format == "pdf")].itertuples():
    print(f"- {row.document} {row.requirement}: truth {row.truth}, predicted {row.predicted}")
    for quote in (row.quotes or row.truth_evidence)[:1]:
        print(f"    {'quoted' if row.quotes else 'label evidence'}: {quote[:200]}")"""),
("md", """## Two labellers, and the analyser, on the same ten documents

The second labeller read only the spec and the documents. Agreement is the share of the 150 verdicts on which
the two give the same status; the analyser's figures are from the cross-validation above (PDF)."""),
("code", """from sklearn.metrics import cohen_kappa_score
from analyser.training import load_labels
first = load_labels(TESTS / "fresh_vendors_6" / "labels")
second = load_labels(TESTS / "fresh_vendors_6" / "second_labels")
pairs = [(first[d]["labels"][r]["status"], second[d]["labels"][r]["status"], d, r) for d in second for r in second[d]["labels"]]
predicted = {(row.document, row.requirement): row.predicted for row in frame[(frame.set == "fresh_vendors_6") & (frame.format == "pdf")].itertuples()}
agree = sum(a == b for a, b, _, _ in pairs) / len(pairs)
print(f"verdicts: {len(pairs)}; labellers agree: {agree:.3f}; Cohen's kappa: {cohen_kappa_score([p[0] for p in pairs], [p[1] for p in pairs]):.3f}")
print(f"analyser = first labels: {sum(predicted[(d, r)] == a for a, _, d, r in pairs) / len(pairs):.3f}; "
      f"= second labels: {sum(predicted[(d, r)] == b for _, b, d, r in pairs) / len(pairs):.3f}")
print(pd.crosstab(pd.Series([p[0] for p in pairs], name="first"), pd.Series([p[1] for p in pairs], name="second")).to_string())"""),
("md", "## Cross-validation: per set, vendor and language"),
("code", """print(frame.groupby(["set", "language"]).correct.agg(["mean", "count"]).round(3).to_string())
print(frame.groupby(["vendor"]).correct.agg(["mean", "count"]).round(3).sort_values("mean").to_string())"""),
("md", "## Confusion matrix per requirement (rows: truth, columns: predicted; cross-validation, PDF and DOCX)"),
("code", """for requirement, group in frame.groupby("requirement", sort=False):
    matrix = pd.crosstab(group.truth, group.predicted).reindex(index=["met", "not_met", "not_addressed"],
                                                             columns=["met", "not_met", "not_addressed"], fill_value=0)
    print(f"\\n{requirement}  (accuracy {group.correct.mean():.2f})")
    print(matrix.to_string())"""),
("md", "## The harmful errors: `met` where the truth is `not_met` or `not_addressed` (cross-validation, PDF)"),
("code", """harmful = frame[(frame.predicted == "met") & (frame.truth != "met") & (frame.format == "pdf")]
for row in harmful.itertuples():
    print(f"- {row.set}: {row.document} {row.requirement}: truth {row.truth}")
    for quote in row.quotes[:2]:
        print(f"    quoted: {quote[:220]}")"""),
("md", "## Other errors, with the quoted text (cross-validation, PDF)"),
("code", """errors = frame[(frame.predicted != frame.truth) & ~((frame.predicted == "met") & (frame.truth != "met")) & (frame.format == "pdf")]
for row in errors.itertuples():
    print(f"- {row.set}: {row.document} {row.requirement}: truth {row.truth}, predicted {row.predicted}")
    for quote in (row.quotes or row.truth_evidence)[:1]:
        print(f"    {'quoted' if row.quotes else 'label evidence'}: {quote[:220]}")"""),
]
nb.cells = [nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src) for kind, src in cells]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, __import__("pathlib").Path(__file__).with_name("evaluation.ipynb"))
