package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What a feature tells a staff member on 工作台 (an archive access approved), without the
 * workbench knowing the feature: each feature's bean says what it has for whom.
 */
@NamedInterface("pages")
public interface WorkbenchNotes {

	/** A line on 工作台 and the page it opens. */
	@NamedInterface("pages")
	record Note(String text, String link) {
	}

	List<Note> notesFor(Staff staff);

}
