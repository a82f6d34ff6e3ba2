package cn.tianxiacheng.servicecenter.estate;

import java.util.List;

/**
 * A section of the unit page that another module keeps: its cases, its bills. The estate knows
 * none of them; each module that has something to say about a unit implements this and the page
 * shows every section in {@link #order()}.
 */
public interface UnitPageSection {

	/** What the section shows for the unit, in cells already written as staff read them. */
	Table of(Unit unit);

	int order();

	record Table(String title, List<String> headings, List<Row> rows, String moreLink, String empty) {
	}

	/** One line; {@code link} (may be null) opens the line's own page. */
	record Row(List<String> cells, String link) {
	}

}
