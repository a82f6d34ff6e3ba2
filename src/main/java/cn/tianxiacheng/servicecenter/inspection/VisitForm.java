package cn.tianxiacheng.servicecenter.inspection;

import java.time.LocalDate;

/** Engineering's 维保记录 of one piece of equipment; its rules are the equipment schedule's. */
record VisitForm(LocalDate maintainedOn, String technician, String workDone) {
}
