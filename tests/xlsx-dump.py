#!/usr/bin/python3
# xlsx-dump.py — prints the sheets and cells of an .xlsx file, one a line,
# for test-xlsx (the standard library only: zipfile and ElementTree).
#
#   sheet<TAB>NAME<TAB>FROZEN-ROWS<TAB>COLUMNS-WITH-WIDTH
#   cell<TAB>SHEET<TAB>REF<TAB>TYPE<TAB>VALUE<TAB>NUMBER-FORMAT
#
# TYPE is n (number), s (text) or b (boolean); VALUE is as stored in the
# file (numbers in their XML form); tabs and newlines in text are escaped.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy"}


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(path):
    with zipfile.ZipFile(path) as z:
        if z.testzip() is not None:
            raise SystemExit("corrupt member in " + path)
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        formats = dict(BUILTIN_FORMATS)
        for f in styles.findall("m:numFmts/m:numFmt", NS):
            formats[int(f.get("numFmtId"))] = f.get("formatCode")
        xfs = [int(xf.get("numFmtId", "0")) for xf in styles.findall("m:cellXfs/m:xf", NS)]

        out = []
        for sheet in workbook.findall("m:sheets/m:sheet", NS):
            name = sheet.get("name")
            target = targets[sheet.get("{%s}id" % NS["r"])]
            root = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "", 1)))
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            frozen = pane.get("ySplit") if pane is not None and pane.get("state") == "frozen" else "0"
            widths = len(root.findall("m:cols/m:col", NS))
            out.append("sheet\t%s\t%s\t%d" % (escape(name), frozen, widths))
            for c in root.iter("{%s}c" % NS["m"]):
                v = c.find("m:v", NS)
                kind = c.get("t", "n")
                style = int(c.get("s", "0"))
                number_format = formats.get(xfs[style] if style < len(xfs) else 0, "General")
                if kind == "s":
                    value = strings[int(v.text)]
                elif kind == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                    kind = "s"
                elif v is None:
                    continue
                else:
                    value = v.text
                out.append("cell\t%s\t%s\t%s\t%s\t%s" % (escape(name), c.get("r"), kind, escape(value),
                                                         escape(number_format)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
