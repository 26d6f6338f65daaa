#!/usr/bin/env python3
"""Lists, and with --append adds, the message keys that a Spanish or French bundle lacks.

Usage (from the repository root):
    python3 tools/i18n/missing-translations.py            # report only
    python3 tools/i18n/missing-translations.py --append   # create/extend messages/<module>_es|_fr.properties

For every English bundle (src/main/resources/messages.properties and messages/<module>.properties),
each missing key is appended to the _es/_fr file under a "# TODO translate" comment with the English
text as the value, so a translator only has to overwrite the values. MessageBundlesTest
(src/test/java/.../MessageBundlesTest.java) fails while a key is missing; an English placeholder
passes it, so review the TODO lines before merging. Mail templates need templates/mail/<name>_es.txt
and _fr.txt written by hand (same ${...} variables as the English file).
"""
import pathlib
import sys

LANGUAGES = ["es", "fr"]
ROOT = pathlib.Path("src/main/resources")


def keys(path):
    found = {}
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in "#!" or "=" not in stripped:
            continue
        key, value = stripped.split("=", 1)
        found[key.strip()] = value
    return found


def main():
    append = "--append" in sys.argv
    bundles = [ROOT / "messages.properties"] + sorted((ROOT / "messages").glob("*.properties"))
    bundles = [b for b in bundles if "_" not in b.stem]
    missing_total = 0
    for english in bundles:
        base = keys(english)
        for language in LANGUAGES:
            target = english.with_name(f"{english.stem}_{language}.properties")
            have = keys(target)
            missing = [k for k in base if k not in have]
            if not missing:
                continue
            missing_total += len(missing)
            print(f"{target}: {len(missing)} missing")
            for key in missing:
                print(f"  {key}={base[key]}")
            if append:
                text = target.read_text(encoding="utf-8") if target.exists() else (
                    f"# Texts of the {english.stem} bundle ({language}).\n")
                if not text.endswith("\n"):
                    text += "\n"
                text += "# TODO translate from English:\n"
                text += "".join(f"{key}={base[key]}\n" for key in missing)
                target.write_text(text, encoding="utf-8")
    print(f"{missing_total} missing translations" + (" appended" if append and missing_total else ""))
    return 1 if missing_total and not append else 0


if __name__ == "__main__":
    sys.exit(main())
