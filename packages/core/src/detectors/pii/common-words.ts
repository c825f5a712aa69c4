/**
 * Frequent English words and other capitalised non-names (weekdays, months, places' generic
 * words, organisation words, titles). A capitalised token in this list is not a name token.
 * This is a list of ordinary vocabulary, not of names.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above across act actually add after afternoon again against age ago agree ah ahead air all allow almost alone along already also although always am among an and ' +
    'another answer any anyone anything anyway anywhere apartment app apply are area around as ask asked at attached available away back bad bank be because become been before ' +
    'began behind being believe below best better between big bill birthday block blue board body book born both box boy bring brother brown building business but buy by call ' +
    'called came can cancel cannot car card care case cash cause center change charge check child children city claim class clear close code cold college come coming company ' +
    'complete contact continue could country course cover credit current customer cut dad date day days dear deal death debit delete department did different dinner do doctor ' +
    'does doing done door down dr drive during each early east easy eat either else email employee end english enough enter even evening event ever every everyone everything ' +
    'example except experience eye face fact family far father feel few field file fill finally find fine first five floor follow following food for form found four free friday ' +
    'friend from front full fund game gave get getting girl give given glad go god going gone good got great green group grow had half hand happy hard has have having he head ' +
    'health hear heard hello help her here hers herself hey hi high him himself his history hold home hope hospital hot hotel hour house how however hundred i if im important ' +
    'in include including info information inside instead insurance into is issue it its itself job join just keep kind king knew know known lady large last late later law ' +
    'lead learn least leave left less let letter life light like line list little live lives living local long look looking lost lot love low made mail main make man manager many ' +
    'market may maybe me mean meet meeting member men message might million mind minute miss mister mom monday money month more morning most mother move mr mrs ms much must ' +
    'my myself name national near need never new news next nice night no none north not note nothing now number of off office often oh ok okay old on once one only open or ' +
    'order other our out over own page paid paper parent park part party pass past pay payment people per perhaps person phone place plan play please point police possible ' +
    'post power president pretty price private probably problem process program provide public put question quite rather read ready real really reason receive received ' +
    'record red remember report request right road room rule run said same saturday saw say says school second see seem seen sell send sent service set several she should ' +
    'show side since sir sister six small so some someone something sometimes son soon sorry south speak staff start state states still stop store street student study ' +
    'such sunday support sure system take taken talk team tell ten than thank thanks that the their them then there these they thing things think third this those though ' +
    'thought three through thursday time to today together told tomorrow too took top total toward town transfer tried true try tuesday turn two under understand union unit ' +
    'united until up upon us use used user very via wait want wanted was water way we wednesday week well went were west what when where whether which while white who whole ' +
    'whom whose why will wish with within without woman women word work world would write wrong yeah year years yes yesterday yet you young your yours yourself ' +
    // verbs and words that open instructions and sentences
    'write create make explain describe imagine pretend provide give list generate suggest summarize summarise translate compose draft design develop ' +
    'build implement calculate compute convert analyze analyse compare evaluate identify classify rewrite edit fix improve review check consider ' +
    'act respond reply answer include use using add remove update insert return print output input read note remember assume ensure avoid keep ' +
    'let lets here there these this those what when where which while who why how if then else also however therefore first second third finally ' +
    'step steps task tasks goal example examples question questions answer answers option options result results data table code function class ' +
    'method object array string number value values variable variables file files user users customer customers product products service services ' +
    'system systems section chapter part page text word words sentence sentences paragraph story poem essay article letter email message title ' +
    'description summary introduction conclusion topic topics idea ideas plan plans list lists name names date time today tomorrow yesterday ' +
    'morning evening night week month year day people person company team group world country city state home office school university ' +
    'english spanish french german italian chinese japanese russian arabic portuguese hindi dutch korean turkish polish swedish greek hebrew ' +
    'yes no not none all any some each every many much more most less few other another same different new old good bad great best better ' +
    'true false null undefined ok okay sure sorry thanks thank please hello hi hey dear ' +
    // calendar
    'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    // titles, roles and honorifics (handled as triggers, never part of the name)
    'doña dona señor señora sra herrn drs mevrouw meneer ' +
    'mrs ms miss mx dr prof professor sir madam madame lord lady captain capt officer agent judge senator governor mayor reverend rev father sister brother uncle aunt ' +
    'ceo cto cfo vp director engineer nurse teacher assistant secretary chairman chief head senior junior jr sr ' +
    'directora directeur directrice direktor direktorin gerente gérant geschäftsführer geschäftsführerin jefe jefa coordinador coordinadora ingeniero ingeniera ' +
    'ingénieur ingenieur analista asistente secretario secretaria presidente presidenta président présidente abogado abogada avocat avocate responsable comercial ' +
    // organisations and institutions
    'inc ltd llc plc corp corporation co company group holdings technologies technology solutions systems services partners associates bank university college institute ' +
    'foundation agency ministry council committee hospital clinic school academy church club society association organization organisation orchestra band airlines airways ' +
    'international global industries enterprises labs studio studios media news network press times post journal gmbh ag sa srl bv ab oy kg ' +
    // geography and generic place words
    'republic kingdom federation island islands isle mount mountain river lake bay beach valley county province region district north south east west northern southern ' +
    'eastern western central upper lower greater new old san santa saint st los las el la le les de del della di da do dos van von der den du ' +
    'america american europe european asia asian africa african australia canada china india japan germany france spain italy england britain british russia mexico brazil ' +
    'street avenue road lane drive boulevard court square terrace highway parkway suite apt apartment floor building ' +
    // business nouns frequent in organisation names
    'software research consulting consultants resources markets market transit movers weekly daily monthly statement force bioscience biosciences data economic ' +
    'financial finance capital ventures logistics energy pharma pharmaceuticals motors foods insurance realty properties communications entertainment publishing records ' +
    'design digital analytics networks security advisors advisory management marketing trust fund investments investment bancorp brands products supply store stores ' +
    'restaurant cafe hotel motel resort airport station church temple museum gallery theatre theater cinema library park zoo stadium arena mission award awarded ' +
    // countries and regions (places, not names)
    'afghanistan albania algeria argentina armenia austria azerbaijan bangladesh belarus belgium bolivia bosnia botswana bulgaria cambodia cameroon chile colombia croatia ' +
    'cuba cyprus czech czechia denmark ecuador egypt estonia ethiopia finland georgia ghana greece guatemala honduras hungary iceland indonesia iran iraq ireland israel ' +
    'jamaica jordan kazakhstan kenya korea kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia malta moldova monaco mongolia montenegro morocco nepal ' +
    'netherlands nigeria norway pakistan panama paraguay peru philippines poland portugal qatar romania rwanda saudi arabia senegal serbia singapore slovakia slovenia ' +
    'somalia sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe scotland wales ' +
    'emirates zealand africa states kingdom london paris berlin madrid rome tokyo moscow ' +
    // product, tech and chat words that are often capitalised
    'api app apps ai chatgpt gpt openai google microsoft apple amazon facebook meta twitter linkedin youtube windows linux mac iphone android python java javascript typescript ' +
    'sql html css json http https url id ok pdf usb wifi covid ' +
    // function words of other languages written with a capital at a sentence start (German nouns too)
    'sie ihre ihr ihnen bei mit für fur der die das den dem des und oder wir uns unser unsere ich du er es ein eine einen einem vielen dank bitte fragen ' +
    'wenn aber auch noch nur sehr gerne liebe lieber sehr geehrte geehrter herzlich herzliche grüße gruesse bewerbung termin ' +
    'el los las una uno por para con como pero gracias hola saludos estimado estimada usted ustedes nuestro nuestra ' +
    'vous nous votre notre avec pour dans mais merci bonjour madame monsieur cordialement ' +
    'hi hello hey dear thanks thank regards best cheers sincerely yours kind warm love goodbye bye welcome congratulations sorry please yes no ' +
    // teams and departments, which the people-verb cues would otherwise take for names ("escalated to Engineering")
    'legal backend frontend engineering engineers support sales marketing security billing hr ops operations accounting procurement compliance ' +
    'management product design qa devops infra infrastructure team teams everyone finanzas finanzen finances recursos humanos ventas operaciones administración'
  ).split(/\s+/),
);

/**
 * A set of words looked up by a range of a text, without cutting the range out (a `Set<string>`
 * lookup needs a new string and its hash: most of the cost for the few letters of a word).
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly slots: Int32Array; // 1 + index into `words`; 0 is an empty slot
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) this.words.push(w);
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.words.forEach((w, i) => {
      let slot = hashRange(w, 0, w.length, false) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    });
  }

  /** True when `text.slice(start, end)` is one of the words. */
  has(text: string, start: number, end: number): boolean {
    return this.find(text, start, end, false);
  }

  /**
   * True when `text.slice(start, end)` is one of the words ignoring the case of ASCII letters
   * (the words are stored lower-case): what a case-insensitive non-Unicode regex of the words
   * matches, since it folds no other character to an ASCII letter.
   */
  hasIgnoringCase(text: string, start: number, end: number): boolean {
    return this.find(text, start, end, true);
  }

  private find(text: string, start: number, end: number, fold: boolean): boolean {
    const length = end - start;
    for (let slot = hashRange(text, start, end, fold) & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot] as number;
      if (index === 0) return false;
      const word = this.words[index - 1] as string;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === charAt(text, start + k, fold)) k++;
      if (k === length) return true;
    }
  }
}

/** The code unit at `i`, with A-Z lower-cased when `fold`. */
function charAt(text: string, i: number, fold: boolean): number {
  const c = text.charCodeAt(i);
  return fold && c >= 65 && c <= 90 ? c + 32 : c;
}

/** A hash of a range from its length and three of its characters (constant time; the table compares whole words). */
function hashRange(text: string, start: number, end: number, fold: boolean): number {
  const length = end - start;
  let h = Math.imul(length, 0x9e3779b1) ^ charAt(text, start, fold);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ charAt(text, start + (length >> 1), fold);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ charAt(text, end - 1, fold);
  return (h ^ (h >>> 16)) >>> 0;
}
