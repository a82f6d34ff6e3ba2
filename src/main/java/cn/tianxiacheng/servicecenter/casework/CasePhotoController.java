package cn.tianxiacheng.servicecenter.casework;

import java.util.List;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A repair's photos: added from the case page, served to who may see them. */
@Controller
class CasePhotoController {

	private final CasePhotos photos;

	CasePhotoController(CasePhotos photos) {
		this.photos = photos;
	}

	@PostMapping("/cases/{caseNumber}/photos")
	String add(@PathVariable String caseNumber, @RequestParam(required = false) String stage,
			@RequestParam(required = false) List<MultipartFile> photos, Authentication staff, Model model,
			HttpServletResponse response) {
		try {
			this.photos.add(caseNumber, stage, Photos.uploads(photos), Staff.of(staff));
			return "redirect:/cases/" + caseNumber + "#photos";
		}
		catch (BadInputException | BusinessRuleException ex) {
			int status = ex instanceof BadInputException ? 400 : 422;
			response.setStatus(status);
			model.addAttribute("status", status);
			model.addAttribute("message", ex.getMessage());
			model.addAttribute("back", "/cases/" + caseNumber + "#photos");
			return "error";
		}
	}

	@GetMapping("/cases/{caseNumber}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String caseNumber, @PathVariable long photoId, Authentication viewer) {
		return photos.image(caseNumber, photoId, Staff.of(viewer)).response();
	}

}
