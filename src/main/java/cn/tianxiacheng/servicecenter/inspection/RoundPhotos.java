package cn.tianxiacheng.servicecenter.inspection;

import java.util.List;

import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Record;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of an abnormal checkpoint, kept with its record or not at all (a refused photo
 * takes the record and its case back), in the system's photo store under the round and the
 * estate of the checkpoint's unit. Those who may see the rounds see them.
 */
@Service
class RoundPhotos {

	static final String FIELD = "异常照片";

	private static final String KIND = "ROUND";

	private final Photos photos;

	private final InspectionRounds rounds;

	RoundPhotos(Photos photos, InspectionRounds rounds) {
		this.photos = photos;
		this.rounds = rounds;
	}

	@Transactional
	void record(String roundNumber, long checkpointId, boolean abnormal, String note, String category,
			Urgency urgency, List<Photos.Upload> uploads, Staff staff) {
		Record record = rounds.record(roundNumber, checkpointId, abnormal, note, category, urgency, staff);
		if (uploads.isEmpty()) {
			return;
		}
		if (!record.isAbnormal()) {
			throw new BadInputException("“" + FIELD + "”只用于异常的巡查点");
		}
		Photos.Owner owner = owner(staff.estateId(), roundNumber);
		photos.keep(owner, "CHECKPOINT", checkpointId, photos.check(FIELD, owner, uploads), staff);
	}

	/** The round's photos, each with its checkpoint. */
	List<Photos.Photo> of(String roundNumber, Staff viewer) {
		viewer.require(InspectionPageController.REFUSAL, InspectionPageController.READERS);
		return photos.of(owner(viewer.estateId(), roundNumber));
	}

	Photos.Image image(String roundNumber, long photoId, Staff viewer) {
		viewer.require(InspectionPageController.REFUSAL, InspectionPageController.READERS);
		return photos.image(owner(viewer.estateId(), roundNumber), photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	private Photos.Owner owner(long estateId, String roundNumber) {
		return new Photos.Owner(KIND, roundNumber, rounds.round(estateId, roundNumber).estateId());
	}

}
