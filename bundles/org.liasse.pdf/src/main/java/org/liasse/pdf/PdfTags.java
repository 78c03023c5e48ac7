package org.liasse.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The structure tree of a tagged PDF, so that assistive technologies read the statement in order as headings,
 * paragraphs and tables: every piece of text drawn is marked content of a structure element, page furniture
 * (headers, footers, rules) is marked as artifact.
 */
public final class PdfTags {

    /** Drawing operations on a content stream. */
    @FunctionalInterface
    public interface Drawing {
        /** Draws. */
        void draw() throws IOException;
    }

    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement body;
    /** Per page, the structure element of each marked content, indexed by its MCID. */
    private final List<COSArray> parents = new ArrayList<>();
    private PDPage page;
    private int mcid;

    /** Tags a new document: a structure tree with a Document element, marked as tagged. */
    public PdfTags(PDDocument document) {
        document.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        document.getDocumentCatalog().setMarkInfo(mark);
        body = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(body);
    }

    /** The document's top element. */
    public PDStructureElement body() {
        return body;
    }

    /** Starts a new page: its marked contents are numbered from 0. */
    public void page(PDPage next) {
        next.setStructParents(parents.size());
        parents.add(new COSArray());
        page = next;
        mcid = 0;
    }

    /** A new structure element of the given standard type under a parent. */
    public PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement element = new PDStructureElement(type, parent);
        element.setPage(page);
        parent.appendKid(element);
        return element;
    }

    /** Draws content as a part of an element. */
    public void mark(PDPageContentStream content, PDStructureElement element, Drawing drawing) throws IOException {
        content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
        drawing.draw();
        content.endMarkedContent();
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setMCID(mcid);
        reference.setPage(page);
        element.appendKid(reference);
        parents.get(parents.size() - 1).add(element);
        mcid++;
    }

    /** Draws page furniture that is not part of the content. */
    public static void artifact(PDPageContentStream content, Drawing drawing) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        content.endMarkedContent();
    }

    /** Writes the parent tree, once every page is drawn. */
    public void finish() {
        COSArray numbers = new COSArray();
        for (int i = 0; i < parents.size(); i++) {
            numbers.add(COSInteger.get(i));
            numbers.add(parents.get(i));
        }
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NUMS, numbers);
        root.setParentTree(new PDNumberTreeNode(tree, COSArray.class));
        root.setParentTreeNextKey(parents.size());
    }
}
