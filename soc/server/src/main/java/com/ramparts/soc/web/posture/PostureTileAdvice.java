package com.ramparts.soc.web.posture;

import com.ramparts.soc.posture.CityPosture;
import com.ramparts.soc.posture.PostureService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The overview's posture tile ({@code posture/tile :: tile}): the city's four shares, for viewers who see the whole
 * city (the overview is not open to requesters). Added to the overview's model without touching its controller.
 */
@ControllerAdvice(basePackages = "com.ramparts.soc.web.overview")
class PostureTileAdvice {

    private final PostureService posture;

    PostureTileAdvice(PostureService posture) {
        this.posture = posture;
    }

    @ModelAttribute("postureCity")
    CityPosture postureCity(Authentication authentication, jakarta.servlet.http.HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null) {
            return null; // the live panel's polls do not show the tile
        }
        return posture.city(posture.now());
    }
}
