// Deciding whether a calendar event's LOCATION is a physical place (in person) or a video meeting.

const VIDEO_SERVICE =
  /\b(?:zoom(?:\.us)?|zoom meeting|teams|microsoft teams|ms teams|google meet|meet\.google\.com|hangouts?|webex|whereby|jitsi|skype|bluejeans|blue jeans|gotomeeting|gotowebinar|goto meeting|amazon chime|chime\.aws|facetime|discord|slack huddle|ringcentral|lifesize|8x8|vc\.ringcentral|tandem|around\.co|gather\.town|livestorm|streamyard)\b/i;
const MAPS_URL = /^(?:https?:\/\/)?(?:[\w-]+\.)*(?:maps\.google\.[a-z.]+|google\.[a-z.]+\/maps|goo\.gl\/maps|maps\.app\.goo\.gl|maps\.apple\.com|bing\.com\/maps|openstreetmap\.org|waze\.com|what3words\.com)/i;
const URL = /\b(?:https?:\/\/|www\.)\S+/i;
const NOT_A_PLACE =
  /^(?:online|virtual|remote|remotely|web|webinar|video|video call|phone|telephone|phone call|call|conference call|dial[- ]?in|tbd|tba|n\/a|none|-|\.|\?)$|\b(?:dial[- ]?in|conference bridge|phone:|tel:|meeting id|passcode)\b/i;

export type MeetingKind = 'in_person' | 'video';

/**
 * `video` when there is no location, a video service is named, or the location is a link (other
 * than a map); `in_person` for anything else, which is taken to name a place.
 */
export function classifyLocation(location: string | undefined): MeetingKind {
  const text = (location ?? '').trim();
  if (!text) return 'video';
  if (VIDEO_SERVICE.test(text)) return 'video';
  if (NOT_A_PLACE.test(text)) return 'video';
  const url = URL.exec(text);
  if (url) {
    if (MAPS_URL.test(url[0])) return 'in_person';
    // "Café Central, Herrengasse 14 (https://cafecentral.wien)": the link accompanies a place.
    const rest = text.replace(url[0], '').replace(/[\s()[\]<>,;|-]+/g, '');
    return rest.length >= 4 ? 'in_person' : 'video';
  }
  return 'in_person';
}
