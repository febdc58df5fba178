package org.ltpsim.sbml;

/** Builds small SBML Level 3 Version 1 documents for tests, one element at a time. */
public final class SbmlText {
    public static final String MATH_OPEN = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">";
    public static final String TIME =
            "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";

    private SbmlText() {}

    /** A document whose model holds {@code inner} (listOf... elements). */
    public static String model(String inner) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\">\n"
                + "<model id=\"test\">\n" + inner + "\n</model>\n</sbml>\n";
    }

    public static String math(String body) {
        return MATH_OPEN + body + "</math>";
    }

    public static String compartments(String... elements) {
        return "<listOfCompartments>" + String.join("", elements) + "</listOfCompartments>";
    }

    public static String compartment(String id, String size) {
        return "<compartment id=\"" + id + "\" spatialDimensions=\"3\" "
                + (size == null ? "" : "size=\"" + size + "\" ") + "constant=\"true\"/>";
    }

    public static String speciesList(String... elements) {
        return "<listOfSpecies>" + String.join("", elements) + "</listOfSpecies>";
    }

    /** A species with an initial amount, hasOnlySubstanceUnits=true, not boundary, not constant. */
    public static String species(String id, String compartment, double amount) {
        return species(id, compartment, "initialAmount=\"" + amount + "\"", true, false, false);
    }

    public static String species(String id, String compartment, String initial, boolean onlySubstanceUnits,
                                 boolean boundary, boolean constant) {
        return "<species id=\"" + id + "\" compartment=\"" + compartment + "\" " + initial
                + " hasOnlySubstanceUnits=\"" + onlySubstanceUnits + "\" boundaryCondition=\"" + boundary
                + "\" constant=\"" + constant + "\"/>";
    }

    public static String parameters(String... elements) {
        return "<listOfParameters>" + String.join("", elements) + "</listOfParameters>";
    }

    public static String parameter(String id, double value, boolean constant) {
        return "<parameter id=\"" + id + "\" value=\"" + value + "\" constant=\"" + constant + "\"/>";
    }

    public static String reactions(String... elements) {
        return "<listOfReactions>" + String.join("", elements) + "</listOfReactions>";
    }

    /**
     * An irreversible, slow reaction. {@code reactants} and {@code products} are "id:stoichiometry" pairs
     * separated by spaces (empty for none); {@code lawBody} is the MathML inside the law's math element.
     */
    public static String reaction(String id, String reactants, String products, String lawBody) {
        return reaction(id, reactants, products, lawBody, "", "reversible=\"false\" fast=\"false\"");
    }

    public static String reaction(String id, String reactants, String products, String lawBody,
                                  String localParameters, String attributes) {
        return "<reaction id=\"" + id + "\" " + attributes + ">"
                + references("listOfReactants", reactants) + references("listOfProducts", products)
                + "<kineticLaw>" + math(lawBody)
                + (localParameters.isEmpty() ? "" : "<listOfLocalParameters>" + localParameters
                        + "</listOfLocalParameters>")
                + "</kineticLaw></reaction>";
    }

    private static String references(String list, String pairs) {
        if (pairs.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<" + list + ">");
        for (String pair : pairs.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            out.append("<speciesReference species=\"").append(parts[0]).append("\" stoichiometry=\"")
                    .append(parts[1]).append("\" constant=\"true\"/>");
        }
        return out.append("</").append(list).append(">").toString();
    }

    public static String ci(String id) {
        return "<ci>" + id + "</ci>";
    }

    public static String cn(double value) {
        return "<cn>" + value + "</cn>";
    }

    public static String apply(String op, String... args) {
        return "<apply><" + op + "/>" + String.join("", args) + "</apply>";
    }
}
