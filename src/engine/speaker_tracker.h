// Whom "he said", "the company said" and a surname alone refer to, as a
// reader keeps track of the speakers while reading a document from the top.
//
// The engine feeds the tracker the document's kept findings in text order:
// speakers named by attribution findings, people mentioned as subjects
// (`mention` findings, never reported), and unnamed speakers (vague
// findings). In return the tracker resolves each anaphor to the name it
// stands for, and gives a short form ("Funaro", "Texaco") the full name the
// document gave it ("Dilson Funaro", "Texaco Inc").
//
// It keeps one slot per kind of referent (a person for "he", a body for
// "the company", any non-person for "it", any but a document for "they")
// and the last source named, whatever its kind ("the spokesman said"). A
// name reaches three lines (paragraphs, in most text; kAnaphorReach) past
// where it was last named or last taken by an anaphor.
#ifndef PROVCHECK_ENGINE_SPEAKER_TRACKER_H_
#define PROVCHECK_ENGINE_SPEAKER_TRACKER_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "engine/speaker_names.h"
#include "provcheck/finding.h"
#include "provcheck/matcher.h"
#include "provcheck/sources.h"

namespace provcheck {

// What an anaphor resolved to, for one finding.
struct AnaphorResolution {
  // The name it refers back to; the anaphor itself when nothing in reach
  // fits.
  std::string source;
  bool resolved = false;
  // A person's role word ("the official said") after a person who was only
  // mentioned: someone new holds the floor, and the "he said" after it is
  // not the person mentioned before.
  bool introduces_speaker = false;
  // A bare name taken by a word that names a body ("GenCorp said ... The
  // company said"): the name is a body from here on.
  bool names_body = false;
};

class SpeakerTracker {
 public:
  // `text` is the document's analysis text, which the tracker searches for
  // a bare name's fuller form ("Texaco Inc"). Without a registry
  // (`sources` null) no name is typed, and only "they" finds an antecedent.
  SpeakerTracker(std::string_view text, const SourceRegistry* sources);

  SpeakerTracker(const SpeakerTracker&) = delete;
  SpeakerTracker& operator=(const SpeakerTracker&) = delete;

  // Before the document is read in order: a source name that a kept
  // attribution or mention gives, anywhere in the document. A story that
  // calls someone by his surname alone ("Redford said", "Mr Brown") or
  // gives him a courtesy title tells the tracker, for the whole document,
  // that the surname is a person's and which gender it has.
  void NoteNameUsed(std::string_view name);

  // In text order, from here on; `line` is the finding's line.

  // A person named as a subject ("Gordon Brown is ...", "but Mr Clarke
  // refused"): the `source` and `role` captures of a mention.
  // `opens_paragraph`: the mention is in its paragraph's first sentence,
  // where it may take "he" from a speaker of an earlier paragraph.
  void Mentioned(const RuleMatch& mention, size_t line,
                 bool opens_paragraph = false);

  // Whom `anaphor` ("he", "it", "the company") refers back to. Changes
  // nothing: Took records what a default finding's resolution implies.
  // `in_reported_clause`: the anaphor stands in what the speaker named last
  // in its sentence said ("IC Gas said in a statement it noted ..."),
  // outside a quotation and not as the tag that closes the sentence.
  AnaphorResolution Resolve(std::string_view anaphor, size_t line,
                            bool in_reported_clause = false) const;
  void Took(const AnaphorResolution& resolution, size_t line);

  // A speaker a default attribution finding names. Returns the name the
  // finding is to carry: the full name for a short form the document gave
  // in full, else the finding's own. `in_reported_clause`: the finding
  // stands in what an earlier speaker of its sentence said ("The company
  // said the study found ..."); a body or document named there is what the
  // speaker cites, not the next "it".
  std::string Spoke(const Finding& attribution, size_t line,
                    bool in_reported_clause = false);

  // A vague attribution finding's unnamed speaker ("analysts said", "a
  // spokesman said"), with the finding's text.
  void UnnamedSpoke(std::string_view finding_text);

 private:
  // A name in a slot, and where it was named.
  struct Antecedent {
    std::string name;
    size_t line = 0;
    bool mentioned = false;  // set by a mention, not by a speaker
    bool body = false;       // a body named as such ("Acme Corp said")
    // A name the registry does not know, spoken with no role, that nothing
    // shows to be a person's ("GenCorp said", "Murphy Oil said"): a word
    // that names a body may take it (`refers bare-name`).
    bool bare_name = false;
    // Where an anaphor that took the name last stood: a chain of "it said"
    // keeps the name in reach of the next "it", not of a role word.
    size_t chain_line = 0;
  };
  // Whom a mention names: a person (by the name returned), someone unknown
  // (a lone word that is no one's known surname), or no one to track.
  enum class MentionOf { kPerson, kUnknown, kNoOne };
  MentionOf PersonMentioned(const RuleMatch& mention, std::string* name);
  // Whether the document shows `name` to be a person's: a courtesy title
  // or a gender for its last word; for a name of several words, a given
  // name the registry knows ("Steve Brown") or its last word used alone
  // ("John Henry ... Henry said"); for a lone word, someone named in full
  // with it ("Trump said" in a story that names Donald Trump).
  bool SeemsAPerson(std::string_view name) const;
  // The gender the document shows a surname to have: a courtesy title's
  // first, else the given names the registry knows; unknown when they
  // disagree.
  Gender GenderOfSurname(std::string_view surname) const;
  // The fuller name the text gives a bare name as a body, if it does
  // (NamedAsBodyInText in the .cc); looked up once per name and mode.
  const std::optional<std::string>& BodyNamedInText(
      const std::string& name, bool whole_names_only = false);
  // The body a finding names with its "'s" (NameWithApostropheS in the
  // .cc: "Moody's said"), by the fuller name of the body that spoke last
  // when that opens with it, however far back ("Moody's Investors Service
  // said ... Moody's said"; IsShortFormOfBody in the .cc); empty when the
  // finding names none so.
  std::string BodyWrittenWithApostropheS(std::string_view finding_text,
                                         std::string_view name) const;
  // The body named last, in reach, when `name` is a short form of its name
  // (IsShortFormOfBody in the .cc): wire copy shortens "Brougher Insurance
  // Group Inc" to "Brougher" and "R.R. Donnelly and Sons Co" to "R.R.
  // Donnelly", as it shortens "Texaco Inc" to "Texaco". Empty when there
  // is none.
  std::string BodyOpenedBy(std::string_view name, size_t line) const;

  std::string_view text_;
  const SourceRegistry* sources_;
  // By what an anaphor can stand for (Referent, in the .cc): a person, a
  // body, a thing, a collective.
  std::array<Antecedent, 4> slots_;
  Antecedent latest_;
  // "..., analysts said. But ..., they added." "They" takes the unnamed
  // group of the sentence before, not the body named before that; it
  // stays unresolved, as the group names no one.
  bool unnamed_group_since_antecedent_ = false;
  absl::flat_hash_map<std::pair<std::string, bool>, std::optional<std::string>>
      named_as_body_;
  // People named in full so far, by their last word (FullNameOf).
  absl::flat_hash_map<std::string, std::string> full_name_by_surname_;
  // Surnames the document uses alone, as a speaker or a subject ("Redford
  // said", "Mr Brown", "added Gallas"): a story goes on to call a person by
  // his surname, seldom a body by its last word ("Deutsche Boerse", "Ask
  // Jeeves", "Standard Life"). So a mention's full name counts as a
  // person's only when its last word is among them.
  absl::flat_hash_set<std::string> surnames_used_alone_;
  // The last words of the full names the document gives anywhere.
  absl::flat_hash_set<std::string> last_words_of_full_names_;
  // What the courtesy titles the document gives a surname say of its
  // gender: "Mr Galloway" is not the "she" after him.
  absl::flat_hash_map<std::string, Gender> gender_by_surname_;
  // What the given names of the full names the document gives say of
  // their surnames' gender (SourceRegistry::GenderOf); kept apart, so a
  // given name the registry does not know unsettles no courtesy title.
  absl::flat_hash_map<std::string, Gender> gender_by_given_name_;
};

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_SPEAKER_TRACKER_H_
